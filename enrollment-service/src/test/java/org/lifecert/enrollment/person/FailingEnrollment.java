package org.lifecert.enrollment.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Test bean: an enrolment whose transaction fails after the person and its events were written. */
@ApplicationScoped
public class FailingEnrollment {

    private final PersonService people;

    public FailingEnrollment(PersonService people) {
        this.people = people;
    }

    @Transactional
    public void enrollThenFail(String bureau, PersonForm form) {
        people.enroll(bureau, "clerk-a", form);
        throw new IllegalStateException("a later step refused the enrolment");
    }
}
