package org.modellens.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the workbench. */
public final class WorkbenchApp extends Application {

    private ExecutorService executor;

    /** Opens the window; returns when it is closed. */
    public static void open(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = backgroundExecutor();
        WorkbenchViewModel model = new WorkbenchViewModel(executor, new RecentProjects(RecentProjects.defaultStore()));
        show(stage, model);
    }

    /** Builds the window on {@code stage} (also used by the UI tests). */
    public static MainView show(Stage stage, WorkbenchViewModel model) {
        MainView view = new MainView(model);
        Scene scene = new Scene(view, 1360, 860);
        TableCopy.install(scene);
        view.applyTheme(Theme.LIGHT);
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.projectFileProperty().get() == null ? Text.get("app.name")
                        : Text.get("app.title.project", model.projectFileProperty().get().getFileName()),
                model.projectFileProperty()));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.show();
        return view;
    }

    /** Daemon threads, so an analysis still running never keeps the closed application alive. */
    public static ExecutorService backgroundExecutor() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "modellens-background");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
