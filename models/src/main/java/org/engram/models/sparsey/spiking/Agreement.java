package org.engram.models.sparsey.spiking;

/**
 * How far a spiking mac's codes agree with the algorithm's recognition over some windows.
 *
 * <p>Recognition takes, in each module, a cell of the highest match V; with the CSA's match
 * V = u / (active inputs) that is a cell of the highest input sum u, and among several such cells
 * it draws one at random. A module <em>agrees</em> when it spiked and every cell that spiked first
 * is a cell of the highest input sum: the spiking code's cell is one that recognition may return,
 * and no cell of a lower sum fired with it. A module matches <em>as recognised</em> when the
 * spiking code's cell (the lowest of simultaneous first cells) is the very cell that recognition
 * returned; in a tied module (several cells of the highest sum) that happens only by chance.
 *
 * @param windows items compared
 * @param modules modules compared (windows · Q)
 * @param modulesAgreeing modules that agree
 * @param codesAgreeing windows whose every module agrees
 * @param modulesAsRecognised modules whose spiking cell is the recognised cell
 * @param codesAsRecognised windows whose spiking code is the recognised code
 * @param tiedModules modules with more than one cell of the highest input sum
 * @param closeModules modules whose best cell leads the next by one input, the closest race the
 *        first spikes must settle
 * @param silentModules modules without a spike
 * @param extraSpikes spikes after the first ones: a cell the lateral inhibition did not silence
 *        in time, such as a tied cell whose first spike came a little later
 */
public record Agreement(int windows, int modules, int modulesAgreeing, int codesAgreeing, int modulesAsRecognised,
        int codesAsRecognised, int tiedModules, int closeModules, int silentModules, long extraSpikes) {

    /** The fraction of modules that agree (0 when there are none). */
    public double moduleRate() {
        return fraction(modulesAgreeing, modules);
    }

    /** The fraction of windows whose whole code agrees. */
    public double codeRate() {
        return fraction(codesAgreeing, windows);
    }

    /** The fraction of modules whose spiking cell is the recognised cell. */
    public double moduleRateAsRecognised() {
        return fraction(modulesAsRecognised, modules);
    }

    /** The fraction of windows whose spiking code is the recognised code. */
    public double codeRateAsRecognised() {
        return fraction(codesAsRecognised, windows);
    }

    private static double fraction(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
