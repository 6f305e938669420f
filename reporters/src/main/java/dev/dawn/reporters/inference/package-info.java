/**
 * A {@code dawn infer} run read back ({@link dev.dawn.reporters.inference.InferenceRunRecord}) and
 * its derived files ({@link dev.dawn.reporters.inference.InferenceExporter}); the one rule that
 * marks a variant that lost accuracy or is under the task's target ({@link
 * dev.dawn.reporters.inference.AccuracyMark}) and the settings that tell two measurements apart
 * ({@link dev.dawn.reporters.inference.VariantSettings}).
 */
package dev.dawn.reporters.inference;
