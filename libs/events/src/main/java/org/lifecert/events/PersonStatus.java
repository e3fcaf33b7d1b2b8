package org.lifecert.events;

public enum PersonStatus {
    ACTIVE, DECEASED, TRANSFERRED_OUT
}
