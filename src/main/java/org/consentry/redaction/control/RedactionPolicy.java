package org.consentry.redaction.control;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;

/**
 * Which operator replaces each kind of personal data. Immutable. The defaults: card numbers and PESEL
 * are tokenised (the design keeps payment data and national ids out of stored text; a mask of either
 * would help nobody, while a token lets an agent reveal the value with a reason); every other kind is
 * masked, keeping a hint an agent can check with the customer ({@code j***@e***.com}, {@code **** 1234}).
 */
public final class RedactionPolicy {

    private final Map<PiiType, Operator> operators;

    private RedactionPolicy(Map<PiiType, Operator> operators) {
        this.operators = operators;
    }

    public static RedactionPolicy defaults() {
        Map<PiiType, Operator> operators = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            operators.put(type, Operator.MASK);
        }
        operators.put(PiiType.CARD, Operator.TOKENIZE);
        operators.put(PiiType.PESEL, Operator.TOKENIZE);
        return new RedactionPolicy(operators);
    }

    /** One operator for every kind of personal data (every kind masked, every kind tokenised...). */
    public static RedactionPolicy everything(Operator operator) {
        Objects.requireNonNull(operator, "operator");
        Map<PiiType, Operator> operators = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            operators.put(type, operator);
        }
        return new RedactionPolicy(operators);
    }

    /** The given operators; kinds not named keep their default. */
    public static RedactionPolicy of(Map<PiiType, Operator> operators) {
        Map<PiiType, Operator> all = new EnumMap<>(defaults().operators);
        operators.forEach((type, operator) -> all.put(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(operator, "operator")));
        return new RedactionPolicy(all);
    }

    public Operator operatorFor(PiiType type) {
        return operators.get(Objects.requireNonNull(type, "type"));
    }

    boolean uses(Operator operator) {
        return operators.containsValue(operator);
    }

    @Override
    public String toString() {
        return "RedactionPolicy" + operators;
    }
}
