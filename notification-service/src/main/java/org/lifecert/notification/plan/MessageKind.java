package org.lifecert.notification.plan;

/**
 * What a message is about. Each kind has one Qute template per channel and language under
 * {@code templates/messages/<template>.<channel>.<language>.txt}.
 */
public enum MessageKind {
    /** A period opened (CertificationDue). */
    DUE("certification-due", true),
    /** A reminder before the deadline to someone not yet certified (scheduled, not an event). */
    REMINDER("reminder", false),
    /** 认证成功：提示下次认证期 (PersonCertified). */
    CERTIFIED("person-certified", true),
    /** 认证失败：可以再次认证 (AttemptFailed). */
    ATTEMPT_FAILED("attempt-failed", true),
    /** 认证失败2次 … 自动提起申诉, 10 working days (AppealOpened). */
    APPEAL_OPENED("appeal-opened", true),
    /** Approved, or 您的申诉审核未通过，请去当地社保大厅办理 (AppealDecided). */
    APPEAL_DECIDED("appeal-decided", true),
    /** 待遇停发 (CertificationOverdue). */
    OVERDUE("certification-overdue", true),
    /** Benefit resumes (CertificationRestored). */
    RESTORED("certification-restored", true);

    private final String template;
    private final boolean forBureau;

    MessageKind(String template, boolean forBureau) {
        this.template = template;
        this.forBureau = forBureau;
    }

    /** Base name of the templates. */
    public String template() {
        return template;
    }

    /** Whether the bureau gets it as a webhook (every platform event does; reminders do not). */
    public boolean forBureau() {
        return forBureau;
    }
}
