/**
 * The change ledger: every activation of a config commit, rollbacks to earlier revisions included (and
 * later every dashboard push, deploy, regression and plane-made rollback), as one row with who, when and
 * what, so claims about the system have evidence. It learns of changes from other features' events and
 * never calls into them.
 */
package com.nightbff.nightwatch.ledger;
