package api.pages;

import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A page as the template writes it, UTF-8 encoded into blocks of one size. While the page is sent a request holds its
 * bytes and nothing more: JTE's {@code Utf8ByteOutput} keeps an array for each piece written, and its
 * {@code toByteArray()} one more copy of the whole, which on the task board is several times the page.
 */
final class PageOutput implements TemplateOutput {
    private static final int BLOCK_SIZE = 8192;

    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] block = new byte[BLOCK_SIZE];
    private int used;

    @Override
    public void writeContent(String value) {
        write(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        write(value.substring(beginIndex, endIndex).getBytes(StandardCharsets.UTF_8));
    }

    /** The template's own text, encoded once when its class was compiled ({@code binaryStaticContent}). */
    @Override
    public void writeBinaryContent(byte[] value) {
        write(value);
    }

    private void write(byte[] bytes) {
        int written = 0;
        while (written < bytes.length) {
            if (used == BLOCK_SIZE) {
                blocks.add(block);
                block = new byte[BLOCK_SIZE];
                used = 0;
            }
            int n = Math.min(BLOCK_SIZE - used, bytes.length - written);
            System.arraycopy(bytes, written, block, used, n);
            used += n;
            written += n;
        }
    }

    /** What has been written, to be read as the response body. */
    RenderedPage page() {
        var all = new ArrayList<byte[]>(blocks.size() + 1);
        all.addAll(blocks);
        all.add(block);
        return new RenderedPage(all, used);
    }
}
