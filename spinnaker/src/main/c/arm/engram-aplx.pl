#!/usr/bin/perl
# engram-aplx.pl IN.aplx OUT.aplx: gives the APLX file that the SpiNNaker tools link (mkaplx) Engram's
# 32-byte header ("ENGR", then "engram.core" NUL-padded), so that Engram's loader and emulator know
# it: one more first table entry, a relative copy (APLX_RCOPY) of the 32 bytes appended at the
# file's end to ITCM address 0, which the application's own first entry then overwrites. The
# other entries' sources are relative to themselves, so they move with them. EngramBinary.aplx in
# Java writes the same bytes (spinnaker/docs/core-runtime.md).
use strict;
use warnings;

die "usage: engram-aplx.pl IN.aplx OUT.aplx\n" unless @ARGV == 2;
my ($in, $out) = @ARGV;
open(my $f, '<:raw', $in) or die "engram-aplx.pl: $in: $!\n";
my $aplx = do { local $/; <$f> };
close $f;
my $opcode = length($aplx) >= 16 ? unpack('V', $aplx) : -1;
die sprintf("engram-aplx.pl: %s: %d bytes starting with opcode %d; expected whole words and an APLX opcode 1-4\n",
        $in, length($aplx), $opcode) if length($aplx) % 4 != 0 || $opcode < 1 || $opcode > 4;
my $header = pack('a4 a28', 'ENGR', 'engram.core');
open(my $g, '>:raw', $out) or die "engram-aplx.pl: $out: $!\n";
print $g pack('V4', 2, 0, 16 + length($aplx), 32), $aplx, $header;
close $g or die "engram-aplx.pl: $out: $!\n";
