package org.modellens.fuzz;

import java.util.List;

import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.Store;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * Ends a fuzz property after a time budget instead of a number of tries: a few seconds per target
 * in CI ({@value #DEFAULT_SECONDS} s), longer on demand with {@code -Dmodellens.fuzz.seconds=600}.
 * The properties declare a try count far above what the budget allows.
 */
public final class FuzzTimeBox implements AroundTryHook {

    /** Seconds per fuzz target when {@code modellens.fuzz.seconds} is not set. */
    public static final int DEFAULT_SECONDS = 3;

    /** Tries a fuzz property declares: an upper bound the time budget reaches first. */
    public static final int UNBOUNDED_TRIES = 100_000_000;

    static long budgetNanos() {
        return Long.getLong("modellens.fuzz.seconds", DEFAULT_SECONDS) * 1_000_000_000L;
    }

    /** Registered on a test class, the budget applies to each of its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) {
        Store<Long> start = Store.getOrCreate(FuzzTimeBox.class, Lifespan.PROPERTY, System::nanoTime);
        TryExecutionResult result = aTry.execute(parameters);
        if (result.isSatisfied() && System.nanoTime() - start.get() > budgetNanos()) {
            return TryExecutionResult.satisfied(true);
        }
        return result;
    }
}
