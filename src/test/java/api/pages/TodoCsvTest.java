package api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TodoCsvTest {

    @Test
    void plain_japanese_field_is_quoted_as_is() {
        assertEquals("\"プロフィール\"", TodoCsv.field("プロフィール"));
    }

    @Test
    void field_with_a_comma_is_quoted() {
        assertEquals("\"a,b\"", TodoCsv.field("a,b"));
    }

    @Test
    void quotes_inside_a_field_are_doubled() {
        assertEquals("\"say \"\"hi\"\"\"", TodoCsv.field("say \"hi\""));
    }

    @Test
    void field_with_a_line_break_is_quoted() {
        assertEquals("\"a\r\nb\"", TodoCsv.field("a\r\nb"));
    }

    @Test
    void field_that_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe() {
        assertEquals("\"'=1+2\"", TodoCsv.field("=1+2"));
        assertEquals("\"'@SUM(A1)\"", TodoCsv.field("@SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", TodoCsv.field("=HYPERLINK(\"x\")"));
        assertEquals("\"'\tcmd\"", TodoCsv.field("\tcmd"));
    }

    @Test
    void a_formula_behind_leading_spaces_is_neutralised_too() {
        assertEquals("\"'  =cmd|' /C calc'!A0\"", TodoCsv.field("  =cmd|' /C calc'!A0"));
        assertEquals("\"' -2+3\"", TodoCsv.field(" -2+3"));
    }

    @Test
    void empty_field_is_an_empty_quoted_cell() {
        assertEquals("\"\"", TodoCsv.field(""));
    }
}
