package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternLengthTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "pl|en; 2",
        "[0-9a-f-]{36}; 36",
        "[A-Za-z0-9._:@-]{1,128}; 128",
        "^(?:customer|bot)$; 8",
        "[a-z0-9][a-z0-9-]{0,63}; 64",
        "\\+?[0-9][0-9 ().\\-]{2,31}; 33",
        "P(?=\\d)\\d{1,4}[DMY]; 6",
        "(ab|c){3}; 6",
        "x?y??; 2",
        "[\\]a]{2}; 2"})
    void theLongestFullMatch(String regex, long longest) {
        assertEquals(OptionalLong.of(longest), PatternLength.of(regex), regex);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"[a-z]+", "a*", "a{2,}", "(a|b+)c", "(unclosed", "[unclosed", "a{2"})
    void unboundedOrUnreadableHasNone(String regex) {
        assertEquals(OptionalLong.empty(), PatternLength.of(regex), regex);
    }

    @Test
    void everyMatchOfAFoundLengthIsNoLonger() {
        String regex = "\\d{4}-\\d{2}-\\d{2}";
        assertEquals(OptionalLong.of(10), PatternLength.of(regex));
        assertEquals(false, "2026-11-29x".matches(regex));
    }
}
