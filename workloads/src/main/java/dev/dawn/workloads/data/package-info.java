/**
 * The data side of dawn: data sets ({@link dev.dawn.workloads.data.ImageDataset}: the ImageNet
 * folder layout, CIFAR-10 binaries, and the embedded {@link
 * dev.dawn.workloads.data.SyntheticImageNet} written in the ImageNet layout), the {@link
 * dev.dawn.workloads.data.InputPipeline} that turns them into normalised NHWC {@link
 * dev.dawn.workloads.data.Batch}es, and two measuring tools: {@link
 * dev.dawn.workloads.data.PipelineThroughput} (pipeline images/s) and {@link
 * dev.dawn.workloads.data.LinearBaseline} (checks that raw pixel statistics do not already solve a
 * data set).
 */
package dev.dawn.workloads.data;
