package org.engram.spinnaker.emulator;

/**
 * A byte-addressed memory whose 4 KiB pages exist only once written with something other than
 * one repeated word: untouched pages read as zero, and a FILL of whole pages stores only the
 * word. 128 MiB of SDRAM per chip therefore costs nothing until used.
 */
final class LazyMemory {
    static final int PAGE_BYTES = 4096;

    private final long sizeBytes;
    private final byte[][] pages;
    /** The repeated word of a page that has no bytes yet. */
    private final int[] uniformWord;
    private long materialisedPages;

    LazyMemory(long sizeBytes) {
        this.sizeBytes = sizeBytes;
        int n = (int) ((sizeBytes + PAGE_BYTES - 1) / PAGE_BYTES);
        this.pages = new byte[n][];
        this.uniformWord = new int[n];
    }

    long sizeBytes() {
        return sizeBytes;
    }

    long materialisedPages() {
        return materialisedPages;
    }

    void read(long offset, byte[] dst, int dstOff, int len) {
        check(offset, len);
        while (len > 0) {
            int page = (int) (offset / PAGE_BYTES);
            int in = (int) (offset % PAGE_BYTES);
            int n = Math.min(len, PAGE_BYTES - in);
            byte[] p = pages[page];
            if (p != null) {
                System.arraycopy(p, in, dst, dstOff, n);
            } else {
                int w = uniformWord[page];
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = (byte) (w >>> (8 * ((in + i) & 3)));
                }
            }
            offset += n;
            dstOff += n;
            len -= n;
        }
    }

    void write(long offset, byte[] src, int srcOff, int len) {
        check(offset, len);
        while (len > 0) {
            int page = (int) (offset / PAGE_BYTES);
            int in = (int) (offset % PAGE_BYTES);
            int n = Math.min(len, PAGE_BYTES - in);
            System.arraycopy(src, srcOff, materialise(page), in, n);
            offset += n;
            srcOff += n;
            len -= n;
        }
    }

    /** Fills {@code bytes} bytes from a word-aligned offset with a little-endian word. */
    void fill(long offset, int word, long bytes) {
        check(offset, bytes);
        while (bytes > 0) {
            int page = (int) (offset / PAGE_BYTES);
            int in = (int) (offset % PAGE_BYTES);
            int n = (int) Math.min(bytes, PAGE_BYTES - in);
            if (in == 0 && n == PAGE_BYTES) {
                if (pages[page] != null) {
                    materialisedPages--;
                }
                pages[page] = null;
                uniformWord[page] = word;
            } else {
                byte[] p = materialise(page);
                for (int i = 0; i < n; i++) {
                    p[in + i] = (byte) (word >>> (8 * ((in + i) & 3)));
                }
            }
            offset += n;
            bytes -= n;
        }
    }

    void clear() {
        java.util.Arrays.fill(pages, null);
        java.util.Arrays.fill(uniformWord, 0);
        materialisedPages = 0;
    }

    private byte[] materialise(int page) {
        byte[] p = pages[page];
        if (p == null) {
            p = new byte[PAGE_BYTES];
            int w = uniformWord[page];
            if (w != 0) {
                for (int i = 0; i < PAGE_BYTES; i++) {
                    p[i] = (byte) (w >>> (8 * (i & 3)));
                }
            }
            pages[page] = p;
            materialisedPages++;
        }
        return p;
    }

    private void check(long offset, long len) {
        if (offset < 0 || len < 0 || offset + len > sizeBytes) {
            throw new IndexOutOfBoundsException("memory access " + offset + "+" + len + " outside " + sizeBytes);
        }
    }
}
