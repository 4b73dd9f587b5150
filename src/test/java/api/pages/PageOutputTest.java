package api.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageOutputTest {

    private static final String ROW = "<tr><td>タスク 😀 プロフィールを更新する</td></tr>\n";

    /** Rows written as a template does, Japanese text and a surrogate pair falling across the blocks' edges. */
    private static PageOutput pageOf(int rows) {
        var html = new PageOutput();
        for (int row = 0; row < rows; row++) {
            html.writeBinaryContent("<tr><td>".getBytes(StandardCharsets.UTF_8));
            html.writeContent("xxタスク 😀 プロフィールを更新するxx", 2, 20);
            html.writeBinaryContent(new byte[0]);
            html.writeContent("</td></tr>\n");
        }
        return html;
    }

    private static byte[] expected(int rows) {
        return ROW.repeat(rows).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readWith(RenderedPage page, int bufferSize) {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[bufferSize];
        for (int n; (n = page.read(buffer, 0, bufferSize)) != -1; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void a_page_of_many_blocks_reads_as_its_utf8_bytes_whatever_the_buffer_size() {
        for (int size : new int[] {1, 7, 8192, 20_000}) {
            assertArrayEquals(expected(1000), readWith(pageOf(1000).page(), size), "buffer of " + size);
        }
    }

    @Test
    void a_page_smaller_than_a_block_reads_as_its_utf8_bytes() {
        assertArrayEquals(expected(3), readWith(pageOf(3).page(), 8192));
    }

    @Test
    void a_page_reads_the_same_one_byte_at_a_time() {
        var page = pageOf(1000).page();
        var out = new ByteArrayOutputStream();
        for (int b; (b = page.read()) != -1; ) {
            out.write(b);
        }
        assertArrayEquals(expected(1000), out.toByteArray());
    }

    @Test
    void a_read_fills_the_buffer_across_blocks_so_the_response_is_not_written_in_small_bits() {
        var page = pageOf(1000).page();
        assertEquals(5000, page.read(new byte[5000], 0, 5000));
        assertEquals(5000, page.read(new byte[5000], 0, 5000));
    }

    @Test
    void reset_reads_the_page_again_from_the_start_as_an_error_handler_reading_the_result_does() throws IOException {
        var page = pageOf(1000).page();
        page.mark(0);
        page.readAllBytes();
        page.reset();
        assertArrayEquals(expected(1000), page.readAllBytes());
    }

    @Test
    void an_empty_page_reads_as_the_end_at_once() {
        assertEquals(-1, new PageOutput().page().read(new byte[8], 0, 8));
    }
}
