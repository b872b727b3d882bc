package io.logsearch.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command line's logging configuration, as the jar ships it. */
class LoggingConfigTest {

    @Test
    void jettyInfoIsOffItsWarningsAndTheAccessLogStay() {
        Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.server.Server");
        assertFalse(jetty.isInfoEnabled(), "Jetty's INFO lines are off by default");
        assertTrue(jetty.isWarnEnabled());
        assertFalse(LoggerFactory.getLogger("io.javalin.Javalin").isInfoEnabled(), "nor Javalin's start-up banner");
        assertTrue(LoggerFactory.getLogger("logsearch.access").isInfoEnabled(), "one access line per request");
        assertTrue(LoggerFactory.getLogger("io.logsearch.api.server.ApiServer").isInfoEnabled());
    }
}
