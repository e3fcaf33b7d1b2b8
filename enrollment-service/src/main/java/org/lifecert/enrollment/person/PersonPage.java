package org.lifecert.enrollment.person;

import java.util.List;

/** One page of a search: {@code page} counts from 0. */
public record PersonPage(List<PersonView> items, int page, int size, long total) {
}
