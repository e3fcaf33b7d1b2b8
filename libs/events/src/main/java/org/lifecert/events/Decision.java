package org.lifecert.events;

/** Outcome of a verdict (match or liveness). */
public enum Decision {
    PASS, FAIL
}
