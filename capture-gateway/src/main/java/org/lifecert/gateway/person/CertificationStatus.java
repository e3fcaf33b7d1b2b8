package org.lifecert.gateway.person;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/** The part of appeal-service's certification state the gateway reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificationStatus(String personId, String bureau, String period, String state, String message,
        LocalDate nextPeriodStart, Integer failedAttempts) {
}
