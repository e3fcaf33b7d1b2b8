package org.lifecert.events;

public enum Sex {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    /** Chinese label shown to recipients and clerks. */
    public String label() {
        return label;
    }
}
