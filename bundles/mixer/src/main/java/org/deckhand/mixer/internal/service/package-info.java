/**
 * The mixer service: mixes planned from a seed and played for their listeners, their tokens, tracklists, CUE sheets
 * and renders to files. Private to the bundle.
 */
package org.deckhand.mixer.internal.service;
