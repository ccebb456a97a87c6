package org.modellens.app.ui.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

/** A chart as a bitmap: the snapshot behind "Save chart as PNG" and "Copy". */
public final class ChartImages {

    /** Twice the screen's pixels, so a pasted or printed chart stays sharp. */
    public static final double SCALE = 2;

    private ChartImages() {
    }

    /** The node as drawn now, at {@link #SCALE} (call on the FX thread). */
    public static WritableImage snapshot(Node node) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(SCALE, SCALE));
        return node.snapshot(parameters, null);
    }

    /**
     * Writes {@code image} as PNG. The pixels are copied into an AWT image by hand so the app needs no
     * javafx-swing bridge.
     */
    public static void writePng(Image image, OutputStream out) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            pixels.getPixels(0, y, width, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, width);
            buffered.setRGB(0, y, width, 1, row, 0, width);
        }
        if (!ImageIO.write(buffered, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
