/**
 * Learning-rate and momentum schedules as plain Java functions of the fractional epoch, fed to the
 * graph per step.
 *
 * <p>Config keys ({@link dev.dawn.workloads.training.schedule.ScheduleFactory}; defaults in
 * brackets):
 *
 * <ul>
 *   <li>{@code constant}: value
 *   <li>{@code linear_warmup}: epochs, start [0], after (nested learning-rate schedule, absolute
 *       epochs)
 *   <li>{@code linear_cosine}: initial, decayEpochs, startEpoch [0], alpha [0], beta [0.001],
 *       numPeriods [0.5]
 *   <li>{@code polynomial}: initial, end, power, endEpoch, startEpoch [0]
 *   <li>{@code piecewise_linear}: epochs, values (lists of equal length)
 *   <li>{@code step}: boundaries and either values (one more than boundaries) or initial + factor
 *   <li>momentum only, {@code dynamic_momentum}: min, max, minLr, maxLr (follows the run's learning
 *       rate)
 * </ul>
 */
package dev.dawn.workloads.training.schedule;
