/**
 * What a network decides from ("Lost in Pruning", Liebenwein et al., MLSys 2021, section on
 * informative features): sufficient input subsets (SIS, Carter et al., AISTATS 2019) found by
 * batched backward selection, the gradient x input and integrated-gradients saliency baselines, and
 * the comparison of a pruned network's SIS with its unpruned original's (overlap, size, and each
 * network's confidence on the other's SIS). Works on normalised images as the networks read them;
 * uses {@code nn}, {@code data}, {@code job} and the results store's plain records; the sweep
 * runner ({@code experiment}) and the workbench's robustness view call it inside jobs.
 */
package org.prunelab.experiment.features;
