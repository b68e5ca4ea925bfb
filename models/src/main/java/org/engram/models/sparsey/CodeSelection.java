package org.engram.models.sparsey;

/**
 * What a macrocolumn made of one input: the code (one active cell per competitive module, as an
 * SDR of Q·K bits with Q active), the familiarity G (the mean over modules of the highest match V)
 * and the expansivity η that G gave the draw.
 */
public record CodeSelection(Sdr code, double G, double eta) {
}
