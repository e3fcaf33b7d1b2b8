package org.lifecert.enrollment.person;

/** Why a person stops receiving benefits here: DECEASED (death) or TRANSFERRED_OUT (转出), with a note. */
public record Deactivation(String status, String reason) {
}
