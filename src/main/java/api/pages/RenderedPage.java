package api.pages;

import java.io.InputStream;
import java.util.List;

/**
 * A page's blocks read in order as the response body. Javalin writes it after the handler (and after a future
 * completes), where a client that went away is told apart from a failure; it can be reset because error handlers
 * read the result.
 */
final class RenderedPage extends InputStream {
    private final List<byte[]> blocks;
    private final int lastLength;
    private int block;
    private int position;
    private int markedBlock;
    private int markedPosition;

    /** Every block full but the last, which holds {@code lastLength} bytes. */
    RenderedPage(List<byte[]> blocks, int lastLength) {
        this.blocks = blocks;
        this.lastLength = lastLength;
    }

    private int lengthOf(int index) {
        return index == blocks.size() - 1 ? lastLength : blocks.get(index).length;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length && block < blocks.size()) {
            int n = Math.min(lengthOf(block) - position, length - copied);
            System.arraycopy(blocks.get(block), position, into, offset + copied, n);
            copied += n;
            position += n;
            if (position == lengthOf(block)) {
                block++;
                position = 0;
            }
        }
        return copied == 0 ? -1 : copied;
    }

    @Override
    public int read() {
        while (block < blocks.size()) {
            if (position < lengthOf(block)) {
                return blocks.get(block)[position++] & 0xff;
            }
            block++;
            position = 0;
        }
        return -1;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        markedBlock = block;
        markedPosition = position;
    }

    @Override
    public void reset() {
        block = markedBlock;
        position = markedPosition;
    }
}
