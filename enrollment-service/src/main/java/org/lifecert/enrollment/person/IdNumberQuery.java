package org.lifecert.enrollment.person;

/** Look-up by ID number travels in a POST body, never in a URL that access logs keep. */
public record IdNumberQuery(String idNumber) {
}
