package org.consentry.redaction.control;

import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.ModulusCheckDigit;

/**
 * The NIP (Polish tax id) check digit in commons-validator's modulus framework: the check digit is
 * the weighted sum (6,5,7,2,3,4,5,6,7) mod 11, and a sum of 10 makes the number invalid. Weighting the
 * check digit itself by 10 (which is -1 mod 11) makes {@code isValid} exactly "sum - check = 0 mod 11";
 * a check of 10 cannot be written as one digit, so it can never pass.
 */
final class NipCheckDigit extends ModulusCheckDigit {

    static final NipCheckDigit NIP = new NipCheckDigit();
    private static final long serialVersionUID = 1L;
    private static final int[] WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7, 10};

    private NipCheckDigit() {
        super(11);
    }

    @Override
    protected int weightedValue(int charValue, int leftPos, int rightPos) {
        return charValue * WEIGHTS[(leftPos - 1) % WEIGHTS.length];
    }

    /** The check digit for a 9-digit NIP body (the inherited one would assume weight 1 on the check digit). */
    @Override
    public String calculate(String body) throws CheckDigitException {
        if (body == null || body.length() != 9) {
            throw new CheckDigitException("a NIP body has 9 digits");
        }
        int check = calculateModulus(body, false);
        if (check == 10) {
            throw new CheckDigitException("no NIP has this body");
        }
        return toCheckDigit(check);
    }

    static boolean isNip(char[] digits, int length) {
        return length == 10 && NIP.isValid(new String(digits, 0, 10));
    }
}
