/** The workbench project file: what to analyse, how, and the user's notes, stored atomically as versioned JSON. */
package org.modellens.project;
