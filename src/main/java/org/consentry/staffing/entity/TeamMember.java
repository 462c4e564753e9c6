package org.consentry.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * An agent's membership of a {@link Team} (V24), with their capacity: the most chats they hold at once
 * when chats are assigned to them. An agent may belong to several teams.
 */
@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
@NamedQuery(name = TeamMember.OF_TEAM, query = "SELECT m FROM TeamMember m WHERE m.teamId = :teamId ORDER BY m.agent")
@NamedQuery(name = TeamMember.OF_AGENT, query = "SELECT m FROM TeamMember m WHERE m.agent = :agent ORDER BY m.teamId")
public class TeamMember {

    public static final String OF_TEAM = "TeamMember.ofTeam";
    public static final String OF_AGENT = "TeamMember.ofAgent";

    /** The composite key: team and agent (a plain class: JPA sets its fields, which a record's are not). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String teamId;
        private String agent;

        public Key() {
        }

        public Key(String teamId, String agent) {
            this.teamId = teamId;
            this.agent = agent;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(teamId, k.teamId) && Objects.equals(agent, k.agent);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamId, agent);
        }
    }

    @Id
    @Column(name = "team_id", length = 64)
    private String teamId;

    @Id
    @Column(length = 128)
    private String agent;

    @Column(name = "max_chats", nullable = false)
    private int maxChats;

    protected TeamMember() {
    }

    public TeamMember(String teamId, String agent, int maxChats) {
        this.teamId = teamId;
        this.agent = agent;
        this.maxChats = maxChats;
    }

    public String teamId() {
        return teamId;
    }

    public String agent() {
        return agent;
    }

    public int maxChats() {
        return maxChats;
    }

    public void capacity(int maxChats) {
        this.maxChats = maxChats;
    }
}
