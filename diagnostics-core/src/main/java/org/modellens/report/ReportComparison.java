package org.modellens.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.InputFiles;
import org.modellens.data.UnreadableInputException;

/**
 * What changed since a previous report ({@code --compare-to previous.json}): findings that are new,
 * gone, worse or better. A finding is the same finding when its check and column are the same; its
 * title may differ, since the numbers in it moved.
 *
 * <p>Only what a person acts on is compared: a finding counts as present at warn or fail. An info
 * finding that became a warning is "worse"; a warning that fell to info is "better".
 *
 * @param previous    the previous report's file, as given
 * @param previousRun the tool and version that wrote the previous report ("ModelLens 0.1.0"), or {@code null}
 * @param changes     one entry per finding whose standing changed, gravest first
 */
public record ReportComparison(String previous, String previousRun, List<Change> changes) {

    /** A report file is a few megabytes at most; the bound keeps a wrong path from filling the heap. */
    private static final long MAX_REPORT_BYTES = 256L << 20;

    public ReportComparison {
        Objects.requireNonNull(previous, "previous");
        changes = List.copyOf(changes);
    }

    /** How a finding's standing changed. */
    public enum Status {
        NEW, WORSE, BETTER, GONE;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param status  new, worse, better or gone
     * @param check   the check id
     * @param feature the column, or {@code null} for a dataset-level finding
     * @param before  its severity in the previous report, or {@code null} when it was absent
     * @param after   its severity now, or {@code null} when it is absent
     * @param title   its title now, or the previous title when it is gone
     */
    public record Change(Status status, String check, String feature, Severity before, Severity after, String title) {
    }

    /** How many changes have this status. */
    public long count(Status status) {
        return changes.stream().filter(c -> c.status() == status).count();
    }

    /**
     * A previous report's findings, read before the diagnosis runs so that a wrong file fails at once.
     *
     * @param file     the report file, as given
     * @param tool     the tool and version that wrote it, or {@code null}
     * @param standing each finding's gravest severity by check and column
     */
    public record Previous(Path file, String tool, Map<String, Standing> standing) {

        /** Compares the current findings with these. */
        public ReportComparison compareWith(List<Finding> current) {
            return compare(this, current);
        }
    }

    /**
     * Reads a previous JSON report.
     *
     * @throws UnreadableInputException when the file is not a ModelLens JSON report
     */
    public static Previous read(Path previousReport) throws UnreadableInputException {
        String name = InputFiles.name(previousReport);
        byte[] bytes = InputFiles.readAll(previousReport, "previous report", MAX_REPORT_BYTES);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new UnreadableInputException(name + ": not a ModelLens JSON report (" + InputFiles.jsonProblem(e) + ")", e);
        } catch (IOException e) {
            throw new UnreadableInputException(name + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.path("schemaVersion").canConvertToInt() || !root.path("findings").isArray()) {
            throw new UnreadableInputException(name + ": not a ModelLens JSON report (no schemaVersion and findings)");
        }
        Map<String, Standing> before = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode finding : root.path("findings")) {
            Severity severity = severity(finding.path("severity").asText(""));
            if (severity == null || !finding.path("check").isTextual()) {
                throw new UnreadableInputException(name + ": finding " + index + " has no check or severity");
            }
            String feature = finding.path("feature").isTextual() ? finding.path("feature").asText() : null;
            before.merge(key(finding.path("check").asText(), feature),
                    new Standing(finding.path("check").asText(), feature, severity, finding.path("title").asText("")),
                    Standing::graver);
            index++;
        }
        String tool = root.path("tool").path("name").asText("") + " " + root.path("tool").path("version").asText("");
        return new Previous(previousReport, tool.isBlank() ? null : tool.strip(), before);
    }

    private static ReportComparison compare(Previous previous, List<Finding> current) {
        Map<String, Standing> before = previous.standing();
        Map<String, Standing> after = new LinkedHashMap<>();
        for (Finding finding : current) {
            after.merge(key(finding.check(), finding.feature()),
                    new Standing(finding.check(), finding.feature(), finding.severity(), finding.title()), Standing::graver);
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Standing> now : after.entrySet()) {
            Standing was = before.get(now.getKey());
            Severity wasSeverity = was == null ? null : was.severity();
            Status status = status(wasSeverity, now.getValue().severity());
            if (status != null) {
                changes.add(new Change(status, now.getValue().check(), now.getValue().feature(), wasSeverity,
                        now.getValue().severity(), now.getValue().title()));
            }
        }
        for (Map.Entry<String, Standing> was : before.entrySet()) {
            if (!after.containsKey(was.getKey()) && was.getValue().severity().atLeast(Severity.WARN)) {
                changes.add(new Change(Status.GONE, was.getValue().check(), was.getValue().feature(), was.getValue().severity(),
                        null, was.getValue().title()));
            }
        }
        changes.sort(java.util.Comparator.comparing(ReportComparison::gravity).reversed());
        return new ReportComparison(previous.file().toString(), previous.tool(), changes);
    }

    private static Status status(Severity before, Severity after) {
        boolean was = before != null && before.atLeast(Severity.WARN);
        boolean is = after.atLeast(Severity.WARN);
        if (before == null) {
            return is ? Status.NEW : null;
        }
        if (after.compareTo(before) > 0 && is) {
            return Status.WORSE;
        }
        return after.compareTo(before) < 0 && was ? Status.BETTER : null;
    }

    private static Severity gravity(Change change) {
        return change.after() != null ? change.after() : change.before();
    }

    private static Severity severity(String json) {
        for (Severity severity : Severity.values()) {
            if (severity.jsonName().equals(json)) {
                return severity;
            }
        }
        return null;
    }

    private static String key(String check, String feature) {
        return check + "\u0000" + (feature == null ? "" : feature);
    }

    /** A finding's standing in one report. */
    record Standing(String check, String feature, Severity severity, String title) {
        Standing graver(Standing other) {
            return other.severity.compareTo(severity) > 0 ? other : this;
        }
    }
}
