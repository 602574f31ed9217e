#!/bin/sh
# Compiler and linker launcher (CMakeLists.txt, "Layout speed"): runs the command it is given
# without the size flags -Os and -Oz, so that a target of the size-optimised web build is
# compiled and linked at the -O3 it asks for. (Emscripten 3.1.6 does not let a later -O3 undo an
# earlier -Os/-Oz: it keeps -fno-inline-functions and runs wasm-opt -Oz at link.)
for arg do
  shift
  case $arg in
    -Os|-Oz) ;;
    *) set -- "$@" "$arg" ;;
  esac
done
exec "$@"
