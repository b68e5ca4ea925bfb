package org.engram.viz.report;

import java.nio.file.Path;
import org.engram.viz.figure.FigureSize;
import org.jfree.chart.JFreeChart;

/** One figure of a run: its heading in the report, its file, the chart and its size. */
record Panel(String heading, Path file, JFreeChart chart, FigureSize size) {}
