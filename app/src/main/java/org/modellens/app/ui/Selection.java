package org.modellens.app.ui;

import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.modellens.checks.Finding;

/**
 * What the user is looking at, shared by every view: selecting a feature or a finding in one view
 * selects it in all of them. Selecting a finding selects its feature; selecting another feature
 * lets go of a finding about a different one.
 */
public final class Selection {

    private final ReadOnlyObjectWrapper<String> feature = new ReadOnlyObjectWrapper<>(this, "feature");
    private final ReadOnlyObjectWrapper<Finding> finding = new ReadOnlyObjectWrapper<>(this, "finding");
    /** The timeline chunk looked at, or {@code null} for production as a whole. */
    private final ReadOnlyObjectWrapper<Integer> chunk = new ReadOnlyObjectWrapper<>(this, "chunk");

    public ReadOnlyObjectProperty<Integer> chunkProperty() {
        return chunk.getReadOnlyProperty();
    }

    public Integer chunk() {
        return chunk.get();
    }

    /** Looks at one chunk of production (a timeline cell), or at all of production with {@code null}. */
    public void selectChunk(Integer index) {
        chunk.set(index);
    }

    public ReadOnlyObjectProperty<String> featureProperty() {
        return feature.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Finding> findingProperty() {
        return finding.getReadOnlyProperty();
    }

    public String feature() {
        return feature.get();
    }

    public Finding finding() {
        return finding.get();
    }

    public void selectFeature(String name) {
        Finding current = finding.get();
        if (current != null && !Objects.equals(current.feature(), name)) {
            finding.set(null);
        }
        feature.set(name);
    }

    public void selectFinding(Finding selected) {
        finding.set(selected);
        if (selected != null && selected.feature() != null) {
            feature.set(selected.feature());
        }
    }

    public void clear() {
        chunk.set(null);
        finding.set(null);
        feature.set(null);
    }
}
