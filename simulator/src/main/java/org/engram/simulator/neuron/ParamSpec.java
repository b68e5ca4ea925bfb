package org.engram.simulator.neuron;

/** One row of a model's parameter table: PyNN's name, default, unit and meaning. */
public record ParamSpec(String name, double defaultValue, String unit, String meaning) {}
