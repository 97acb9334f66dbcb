package io.careerlens.config;

import java.io.Serializable;

/** Data-quality gate (SPEC section 4). */
public class Quality implements Serializable {
    /** a file whose share of rejected rows exceeds this is quarantined whole (exit code 3). */
    public double maxRejectRate = 0.05;
}
