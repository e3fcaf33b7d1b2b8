package org.lifecert.notification.plan;

/** Who a message is for: the benefit recipient, a relative who certifies for them (亲情服务), the bureau. */
public enum Party {
    RECIPIENT, RELATIVE, BUREAU
}
