package io.careerlens.config;

import java.io.Serializable;

/** How runs share a warehouse. */
public class Operations implements Serializable {
    /** a lock older than this is taken over even when its process cannot be checked (another host). */
    public int lockStaleHours = 12;
}
