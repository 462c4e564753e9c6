package org.consentry.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A support team (V24): the languages (ISO 639-1) and skills (handoff topics) it takes, its lead, and how
 * long an escalation routed to it is offered to its members only before every agent may take it (the
 * fallback). Its members are {@link TeamMember} rows. Languages and skills are stored comma-separated:
 * short lists of lower-case codes, validated at the API, never personal data.
 */
@Entity
@Table(name = "team")
@NamedQuery(name = Team.ALL, query = "SELECT t FROM Team t ORDER BY t.id")
public class Team {

    public static final String ALL = "Team.all";

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 200)
    private String languages;

    @Column(nullable = false, length = 1000)
    private String skills;

    @Column(name = "lead_agent", length = 128)
    private String lead;

    @Column(name = "fallback_after_seconds", nullable = false)
    private int fallbackAfterSeconds;

    @Version
    @Column(nullable = false)
    private int version;

    protected Team() {
    }

    public Team(String id) {
        this.id = id;
    }

    /** Sets what an admin defined; the lists must already be validated (lower-case codes, no commas). */
    public void define(String name, List<String> languages, List<String> skills, String lead, Duration fallbackAfter) {
        this.name = name;
        this.languages = String.join(",", languages);
        this.skills = String.join(",", skills);
        this.lead = lead;
        this.fallbackAfterSeconds = Math.toIntExact(fallbackAfter.toSeconds());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<String> languages() {
        return split(languages);
    }

    public List<String> skills() {
        return split(skills);
    }

    public String lead() {
        return lead;
    }

    public Duration fallbackAfter() {
        return Duration.ofSeconds(fallbackAfterSeconds);
    }

    public int version() {
        return version;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
