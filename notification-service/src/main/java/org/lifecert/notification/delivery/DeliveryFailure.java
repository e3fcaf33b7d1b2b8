package org.lifecert.notification.delivery;

/** A send that did not get through; retried with back-off, then dead-lettered. */
public class DeliveryFailure extends Exception {

    private final Integer statusCode;

    public DeliveryFailure(String message, Integer statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    public DeliveryFailure(String message, Integer statusCode) {
        this(message, statusCode, null);
    }

    /** HTTP status of the far side, when there was one. */
    public Integer statusCode() {
        return statusCode;
    }
}
