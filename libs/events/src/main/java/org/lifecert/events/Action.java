package org.lifecert.events;

/** A liveness challenge action the recipient performs in front of the camera. */
public enum Action {
    BLINK, OPEN_MOUTH, TURN_LEFT, TURN_RIGHT, NOD
}
