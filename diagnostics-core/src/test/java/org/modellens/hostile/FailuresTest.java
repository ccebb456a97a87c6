package org.modellens.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.modellens.Failures;
import org.modellens.data.UnreadableInputException;

/** Issue 19: the outermost layer turns any error into one line a user can read, never a class name or trace. */
class FailuresTest {

    @Test
    void memoryAndStackExhaustionAreOneLineAboutTheInput() {
        assertThat(Failures.describe(new OutOfMemoryError("Java heap space")))
                .startsWith("out of memory: the input is too large").doesNotContain("Error").doesNotContain("\n");
        assertThat(Failures.describe(new CompletionException(new StackOverflowError())))
                .startsWith("an input nests too deeply").doesNotContain("Error");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithoutItsClassName() {
        assertThat(Failures.describe(new NullPointerException("Cannot invoke \"x\" because \"y\" is null\n\tat a.b.C")))
                .isEqualTo("internal error (null pointer: Cannot invoke \"x\" because \"y\" is null); please report it with "
                        + "the command that caused it");
        assertThat(Failures.describe(new ArrayIndexOutOfBoundsException()))
                .isEqualTo("internal error (array index out of bounds); please report it with the command that caused it");
    }

    @Test
    void aUserMessageIsKeptAsIs() {
        assertThat(Failures.describe(new UnreadableInputException("train.csv: line 4 has 2 fields, the header has 4")))
                .isEqualTo("train.csv: line 4 has 2 fields, the header has 4");
    }
}
