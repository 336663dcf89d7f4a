package org.deckhand.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PluginInspectorTest {

    @Test
    void theRootCauseOfAnActivationFailureIsTheLastCausedBy() {
        String trace = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                Caused by: org.osgi.service.component.ComponentException: wrapped
                \tat org.apache.felix.scr.impl.SomeClass.method(SomeClass.java:1)
                Caused by: java.lang.IllegalStateException: the plugin's own reason
                \tat com.example.Plugin.<init>(Plugin.java:12)
                \t... 20 more
                """;

        assertEquals("java.lang.IllegalStateException: the plugin's own reason", PluginInspector.rootCause(trace));
        assertEquals("java.lang.NullPointerException", PluginInspector.rootCause("java.lang.NullPointerException\n"
                + "\tat com.example.Plugin.activate(Plugin.java:3)"));
        assertNull(PluginInspector.rootCause(null));
    }
}
