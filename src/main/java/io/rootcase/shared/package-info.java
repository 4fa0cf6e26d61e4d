/**
 * The shared kernel: value types every module speaks (channels, directions, ids). Kept
 * tiny on purpose; anything with behaviour belongs to a feature module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.rootcase.shared;
