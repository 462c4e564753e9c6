package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

class RedactionPolicyTest {

    @Test
    @Proves({Duty.GDPR_25, Duty.GDPR_5_1_C})
    void defaultsTokenizeCardsAndPeselsAndMaskTheRest() {
        RedactionPolicy policy = RedactionPolicy.defaults();
        for (PiiType type : PiiType.values()) {
            Operator expected = type == PiiType.CARD || type == PiiType.PESEL ? Operator.TOKENIZE : Operator.MASK;
            assertEquals(expected, policy.operatorFor(type), type.name());
        }
    }

    @Test
    void ofOverridesTheNamedTypesOnly() {
        Map<PiiType, Operator> operators = new HashMap<>(Map.of(PiiType.EMAIL, Operator.PLACEHOLDER));
        RedactionPolicy policy = RedactionPolicy.of(operators);
        operators.put(PiiType.EMAIL, Operator.DROP); // the policy keeps its own copy
        assertEquals(Operator.PLACEHOLDER, policy.operatorFor(PiiType.EMAIL));
        assertEquals(Operator.TOKENIZE, policy.operatorFor(PiiType.CARD));
        assertEquals(Operator.MASK, policy.operatorFor(PiiType.PHONE));
    }

    @Test
    void everythingGivesEveryKindTheOneOperator() {
        for (Operator operator : Operator.values()) {
            RedactionPolicy policy = RedactionPolicy.everything(operator);
            for (PiiType type : PiiType.values()) {
                assertEquals(operator, policy.operatorFor(type), operator + " " + type);
            }
        }
        assertThrows(NullPointerException.class, () -> RedactionPolicy.everything(null));
    }

    @Test
    void refusesNulls() {
        Map<PiiType, Operator> withNull = new HashMap<>();
        withNull.put(PiiType.EMAIL, null);
        assertThrows(NullPointerException.class, () -> RedactionPolicy.of(withNull));
        assertThrows(NullPointerException.class, () -> RedactionPolicy.defaults().operatorFor(null));
    }
}
