"""Models that checks build themselves, written from their papers (torchvision's may depart from them)."""
