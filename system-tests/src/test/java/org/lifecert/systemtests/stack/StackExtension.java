package org.lifecert.systemtests.stack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the stack before the first system-test class and stops it when the whole run ends (the
 * root store closes its resources last), so every class shares one stack.
 */
public final class StackExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SystemStack.class.getName(), key -> new Holder(SystemStack.get()), Holder.class);
    }

    private record Holder(SystemStack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.stop();
        }
    }
}
