package org.modellens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code diagnose} runs in its own JVM without loading a single JavaFX class: it needs no display. */
class LauncherTest {

    @Test
    void theCommandLineNeverLoadsJavaFx() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-verbose:class", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "diagnose",
                "--train", "../sample-data/case/train.csv", "--prod", "../sample-data/case/prod.csv",
                "--target", "defaulted", "--fail-on", "never")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output.lines().filter(l -> !l.startsWith("[")).toList().toString()).isZero();
        assertThat(output).contains("Verdict: fail");
        List<String> javafx = output.lines().filter(line -> line.contains(" javafx.") || line.contains(" com.sun.javafx.")).toList();
        assertThat(javafx).as("JavaFX classes loaded by the command line").isEmpty();
        assertThat(output).contains("org.modellens.app.cli.DiagnoseCommand");
    }
}
