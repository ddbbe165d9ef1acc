package io.gamedata.streams.domain;

/** What enrichment needs of an involved company: which company, and its roles. */
public record InvolvedCompanyLink(long company, boolean developer, boolean publisher) {}
