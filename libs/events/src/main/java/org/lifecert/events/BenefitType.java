package org.lifecert.events;

/** The benefit a recipient draws; the label is the seeds' wording (待遇类型). */
public enum BenefitType {
    RETIREMENT("养老退休"),
    DEPENDANT("供养"),
    WORK_INJURY("工伤"),
    WORK_INJURY_SURVIVOR("工伤遗属");

    private final String label;

    BenefitType(String label) {
        this.label = label;
    }

    /** Chinese label shown to recipients and clerks. */
    public String label() {
        return label;
    }
}
