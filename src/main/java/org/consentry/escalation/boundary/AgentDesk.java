package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.consentry.escalation.control.BotOwnership;
import org.consentry.escalation.control.Claims;
import org.consentry.escalation.control.Reveals;
import org.consentry.escalation.control.TranscriptView;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemType;

/**
 * The agents' side, each call one transaction: claims and turns ({@link AgentTurns}), what an agent may
 * open ({@link Claims}: their own escalations; an admin reads any, never reveals or replies), the
 * transcript as shown ({@link TranscriptView}) and reveals ({@link Reveals}).
 */
@ApplicationScoped
@Transactional
public class AgentDesk {

    public static final ProblemType TAKEN = new ProblemType("already-claimed", 409, "Another agent has it");
    public static final String PURPOSE = Claims.PURPOSE;
    public static final String CALLBACK_KIND = "callback.agent-message";

    @Inject
    Claims claims;

    @Inject
    TranscriptView transcripts;

    @Inject
    Reveals reveals;

    @Inject
    Caller caller;

    @Inject
    AgentTurns turns;

    @Inject
    BotOwnership ownership;

    /** Exactly one agent wins ({@link AgentTurns#claim}). */
    public Views.Claimed claim(String id) {
        return turns.claim(id, caller.name());
    }

    public Views.Detail view(String id) {
        TranscriptView.Opened opened = transcripts.open(claims.readable(id));
        Escalation e = opened.escalation();
        MessageBody reason = opened.reason();
        TranscriptView.Customer customer = opened.customer();
        return new Views.Detail(e.id(), e.conversationId(), e.status().name(), e.language(),
                reason == null ? null : reason.text(), reason == null ? List.of() : masks(reason.masks()), e.agent(),
                e.createdAt(), e.claimedAt(), e.resolvedAt(), e.status() == EscalationStatus.ASSIGNED,
                e.aiDisclosure() == null ? "NOT_RECORDED" : e.aiDisclosure().name(), e.humanJoinedAt(),
                new Views.Customer(customer.name(), customer.email(), customer.phone()),
                opened.transcript().stream().map(l -> new Views.Message(l.id(), l.seq(), l.sender().name(), l.author(), l.at(),
                        l.text(), masks(l.masks()))).toList());
    }

    /** One value in clear, for the assigned agent, with a reason ({@link Reveals}). */
    public Views.Revealed reveal(String id, RevealRequest request) {
        return new Views.Revealed(request.field(), reveals.reveal(claims.held(id), request.field(), request.reason()));
    }

    /** The assigned agent writes to the customer ({@link AgentTurns#reply}). */
    public Views.AgentMessage reply(String id, String text) {
        return turns.reply(id, caller.name(), text);
    }

    /** Ends the agent's part ({@link AgentTurns#resolve}). */
    public Views.Claimed resolve(String id) {
        return turns.resolve(id, caller.name());
    }

    /** The agents' replies after {@code after}, for the bot that handed it off, if it has no callback. */
    public List<Views.Relay> relay(String id, int after) {
        return transcripts.replies(ownership.owned(id).id(), after).stream()
                .map(l -> new Views.Relay(l.id(), l.seq(), l.author(), l.text(), l.at())).toList();
    }

    private static List<Views.Mask> masks(List<MessageBody.Mask> masks) {
        return masks.stream().map(k -> new Views.Mask(k.token(), k.type().name(), k.start(), k.end())).toList();
    }
}
